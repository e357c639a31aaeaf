import type { Decimal } from "../core/money";

/** The kinds of celebration `milestones` finds. */
export type MilestoneKind = "anniversary" | "order-milestone" | "spend-milestone" | "birthday";

/** A customer's birthday (no year): `month` 1–12, `day` 1–31 (29 February allowed). */
export interface Birthday {
  readonly customerId: string;
  readonly month: number;
  readonly day: number;
}

/** `years` since the first order or signup (`since`). */
export interface AnniversaryMilestone {
  readonly customerId: string;
  readonly kind: "anniversary";
  readonly date: Date;
  readonly detail: { readonly years: number; readonly since: Date };
}

/** The customer has `orders` orders, one short of `milestone`; `date` is `asOf`. */
export interface OrderMilestone {
  readonly customerId: string;
  readonly kind: "order-milestone";
  readonly date: Date;
  readonly detail: { readonly milestone: number; readonly orders: number };
}

/** Lifetime net spend first reached `milestone` at `date` (the order that crossed it). */
export interface SpendMilestone {
  readonly customerId: string;
  readonly kind: "spend-milestone";
  readonly date: Date;
  readonly detail: { readonly milestone: Decimal; readonly spend: Decimal };
}

/** A birthday at 00:00 UTC; `movedFromLeapDay` when 29 February is kept on 28 February. */
export interface BirthdayMilestone {
  readonly customerId: string;
  readonly kind: "birthday";
  readonly date: Date;
  readonly detail: { readonly month: number; readonly day: number; readonly movedFromLeapDay: boolean };
}

/** One celebration worth a message. */
export type Milestone = AnniversaryMilestone | OrderMilestone | SpendMilestone | BirthdayMilestone;
