/** Occurrences that match some step (a customer, a step mask, the row and, for an order, its number) as growable columns, reused from one instant to the next. */
export class OccurrenceRows {
  size = 0;
  customer = new Uint32Array(16);
  mask = new Int32Array(16);
  row = new Uint32Array(16);
  onOrder = new Uint8Array(16);
  orderNumber = new Uint32Array(16);

  reset(): void {
    this.size = 0;
  }

  add(customer: number, mask: number, row: number, onOrder: number, orderNumber: number): void {
    if (this.size === this.customer.length) this.grow();
    const n = this.size++;
    this.customer[n] = customer;
    this.mask[n] = mask;
    this.row[n] = row;
    this.onOrder[n] = onOrder;
    this.orderNumber[n] = orderNumber;
  }

  /** Positions sorted by customer (stable). */
  byCustomer(): Uint32Array {
    const order = new Uint32Array(this.size);
    for (let p = 0; p < this.size; p++) order[p] = p;
    return order.sort((x, y) => this.customer[x]! - this.customer[y]! || x - y);
  }

  private grow(): void {
    const size = this.customer.length * 2;
    const grown = <T extends Uint32Array | Int32Array | Uint8Array>(from: T, to: T): T => (to.set(from), to);
    this.customer = grown(this.customer, new Uint32Array(size));
    this.mask = grown(this.mask, new Int32Array(size));
    this.row = grown(this.row, new Uint32Array(size));
    this.onOrder = grown(this.onOrder, new Uint8Array(size));
    this.orderNumber = grown(this.orderNumber, new Uint32Array(size));
  }
}
