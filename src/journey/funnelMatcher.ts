import type { Ledger } from "../input/ledger";
import type { FunnelOccurrence } from "./funnelTypes";
import type { FunnelStepSpec } from "./funnelSteps";

/**
 * The steps compiled against one ledger, so a row's matching steps are a bit mask (bit k for
 * step k+1) read from typed arrays: event steps by type code, order steps by order number.
 * Steps with `where` call it on a frozen `FunnelOccurrence` made for that row only.
 */
export class FunnelMatcher {
  /** Per event type code: the steps of that type (with or without `where`); read it directly on hot paths. */
  readonly eventMask: Uint32Array;
  /** Steps with a `where`: a row whose mask has none of them needs no predicate call. */
  readonly whereMask: number;
  /** Order steps of any order number. */
  private readonly anyOrderMask: number;
  /** Order steps of one order number, as [orderNumber, bit] pairs. */
  private readonly numberedOrders: readonly (readonly [number, number])[];
  /** True when some step is an order step, so purchases must be read. */
  readonly readsOrders: boolean;
  /** Bits of steps no row of the ledger can match (an event type absent from the data). */
  readonly unmatchable: number;

  constructor(
    private readonly ledger: Ledger,
    private readonly steps: readonly FunnelStepSpec[],
  ) {
    const { typeNames } = ledger.events;
    const code = new Map(typeNames.map((name, i) => [name, i]));
    this.eventMask = new Uint32Array(typeNames.length);
    let whereMask = 0;
    let anyOrderMask = 0;
    let unmatchable = 0;
    const numbered: [number, number][] = [];
    steps.forEach((step, k) => {
      const bit = 1 << k;
      if (step.where !== null) whereMask |= bit;
      if (step.eventType === null) {
        if (step.orderNumber === 0) anyOrderMask |= bit;
        else numbered.push([step.orderNumber, bit]);
        return;
      }
      const c = code.get(step.eventType);
      if (c === undefined) unmatchable |= bit;
      else this.eventMask[c]! |= bit;
    });
    this.whereMask = whereMask;
    this.anyOrderMask = anyOrderMask;
    this.numberedOrders = numbered;
    this.readsOrders = anyOrderMask !== 0 || numbered.length > 0;
    this.unmatchable = unmatchable;
  }

  /** True when no step is of this event type, so its rows can be skipped. */
  skipsEventType(type: number): boolean {
    return this.eventMask[type] === 0;
  }

  /** Steps event row `k` matches. */
  eventSteps(k: number): number {
    const mask = this.eventMask[this.ledger.events.type[k]!]!;
    return (mask & this.whereMask) === 0 ? mask : this.filtered(mask, () => this.eventOccurrence(k));
  }

  /** Steps purchase row `k`, the customer's order number `orderNumber`, matches. */
  orderSteps(k: number, orderNumber: number): number {
    let mask = this.anyOrderMask;
    for (const [n, bit] of this.numberedOrders) if (n === orderNumber) mask |= bit;
    return (mask & this.whereMask) === 0 ? mask : this.filtered(mask, () => this.orderOccurrence(k, orderNumber));
  }

  /** The occurrence view of event row `k`. */
  eventOccurrence(k: number): FunnelOccurrence {
    const { events, customerIds } = this.ledger;
    return Object.freeze({ customerId: customerIds[events.customer[k]!]!, type: events.typeNames[events.type[k]!]!, at: new Date(events.at[k]!), orderNumber: null, orderId: null });
  }

  /** The occurrence view of purchase row `k`, the customer's order number `orderNumber`. */
  orderOccurrence(k: number, orderNumber: number): FunnelOccurrence {
    const { purchases, customerIds } = this.ledger;
    return Object.freeze({ customerId: customerIds[purchases.customer[k]!]!, type: "order", at: new Date(purchases.at[k]!), orderNumber, orderId: purchases.orderId[k] ?? null });
  }

  /** `mask` without the `where` steps whose predicate rejects the occurrence (made once, on first need). */
  private filtered(mask: number, occurrence: () => FunnelOccurrence): number {
    let view: FunnelOccurrence | null = null;
    let kept = mask;
    for (let rest = mask & this.whereMask; rest !== 0; rest &= rest - 1) {
      const bit = rest & -rest;
      view ??= occurrence();
      if (this.steps[31 - Math.clz32(bit)]!.where!(view) !== true) kept &= ~bit;
    }
    return kept;
  }
}
