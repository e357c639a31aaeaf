import { CES_KIND, CSAT_KIND } from "../input/surveyKinds";
import type { ClassifiedColumns } from "../defection/classifiedColumns";
import type { Ledger } from "../input/ledger";
import { ces } from "../surveys/ces";
import { csat } from "../surveys/csat";
import { DEFAULT_FOLLOW_UP_WINDOW, followUpsOf } from "../surveys/followUps";
import { windowStart } from "../core/period";
import { change } from "./change";
import type { CesKpis, CsatKpis, FollowUpSection, ReportSection, SatisfactionSection } from "./types";


function csatKpis(ledger: Ledger, start: number, end: number): CsatKpis {
  const r = csat(ledger, { start, end });
  return { satisfiedShare: r.satisfiedShare, mean: r.mean, responses: r.responses, satisfied: r.satisfied, confidenceInterval: r.confidenceInterval };
}

function cesKpis(ledger: Ledger, start: number, end: number): CesKpis {
  const r = ces(ledger, { start, end });
  return { mean: r.mean, easyShare: r.easyShare, responses: r.responses, easy: r.easy, confidenceInterval: r.confidenceInterval };
}

/** CSAT and CES of the period and the previous one, for the kinds the data holds; unavailable with neither. */
export function satisfactionSection(ledger: Ledger, start: number, end: number, previousStart: number): ReportSection<SatisfactionSection> {
  const { kind, count } = ledger.surveys;
  let hasCsat = false;
  let hasCes = false;
  for (let k = 0; k < count && !(hasCsat && hasCes); k++) {
    if (kind[k] === CSAT_KIND) hasCsat = true;
    else if (kind[k] === CES_KIND) hasCes = true;
  }
  if (!hasCsat && !hasCes) return { available: false, reason: "no CSAT or CES answers given" };
  const csatNow = hasCsat ? csatKpis(ledger, start, end) : null;
  const csatBefore = hasCsat ? csatKpis(ledger, previousStart, start) : null;
  const cesNow = hasCes ? cesKpis(ledger, start, end) : null;
  const cesBefore = hasCes ? cesKpis(ledger, previousStart, start) : null;
  return {
    available: true,
    csat: csatNow === null ? null : { ...csatNow, previous: csatBefore!, change: { satisfiedShare: change(csatNow.satisfiedShare, csatBefore!.satisfiedShare) } },
    ces: cesNow === null ? null : { ...cesNow, previous: cesBefore!, change: { mean: change(cesNow.mean, cesBefore!.mean) } },
  };
}

/** The first `top` customers of `followUps` at `asOf` (its default window, trailing revenue), with the report's defection columns. */
export function followUpSection(ledger: Ledger, asOf: number, classified: () => ClassifiedColumns, top: number): ReportSection<FollowUpSection> {
  if (ledger.surveys.count === 0) return { available: false, reason: "no survey responses given" };
  const list = followUpsOf(ledger, { asOf, from: windowStart(asOf, DEFAULT_FOLLOW_UP_WINDOW, "within"), minValue: null, clv: null }, classified, top);
  if (list.reason !== null) return { available: false, reason: list.reason };
  return {
    available: true,
    windowDays: DEFAULT_FOLLOW_UP_WINDOW.days,
    customersAnswered: list.customersAnswered,
    unhappyCustomers: list.unhappyCustomers,
    top: list.entries.map((e) => ({
      customerId: e.customerId,
      kind: e.answer.kind,
      score: e.answer.score,
      at: e.answer.at,
      daysSince: e.daysSince,
      valueAtStake: e.valueAtStake,
      orderedSince: e.orderedSince,
      defectionStatus: e.defectionStatus,
    })),
  };
}
