/**
 * Which item's sentence each document of the fact index is: the item's number and the
 * sentence's index, in two typed arrays. As plain arrays a million documents took 14 MB of the
 * JS heap, which every full collection walked; here they take 8 MB outside it. Items are
 * numbered in the order they are indexed and numbers are never reused: a removed item leaves a
 * hole of one slot in the owner list until the process ends.
 */
export class FactDocs<T> {
  // Per document: its item's number + 1 (0: none), and its sentence's index.
  #item: Int32Array = new Int32Array(1024);
  #index: Int32Array = new Int32Array(1024);
  readonly #owners: (T | undefined)[] = [];

  /** Gives an item its number. */
  number(owner: T): number {
    this.#owners.push(owner);
    return this.#owners.length - 1;
  }

  /** Forgets an item (its documents are cleared with {@link clear}). */
  release(number: number): void {
    this.#owners[number] = undefined;
  }

  set(doc: number, item: number, index: number): void {
    if (doc >= this.#item.length) this.reserve(Math.max(doc + 1, Math.ceil(this.#item.length * 1.25)));
    this.#item[doc] = item + 1;
    this.#index[doc] = index;
  }

  clear(doc: number): void {
    if (doc < this.#item.length) this.#item[doc] = 0;
  }

  itemOf(doc: number): T | undefined {
    const item = doc < this.#item.length ? this.#item[doc]! : 0;
    return item === 0 ? undefined : this.#owners[item - 1];
  }

  indexOf(doc: number): number {
    return this.#index[doc]!;
  }

  /** Makes room for `size` documents at once (a load knows how many it adds). */
  reserve(size: number): void {
    if (size <= this.#item.length) return;
    this.#item = grown(this.#item, size);
    this.#index = grown(this.#index, size);
  }
}

function grown(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}
