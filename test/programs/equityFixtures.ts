import { fitBgNbd, fitGammaGamma } from "../../src/index";
import { cdnowSummaryRows } from "../clv/cdnowFixtures";

/** BG/NBD fitted on the CDNOW summary (weeks), once. */
let bgNbd: ReturnType<typeof fitBgNbd> | undefined;
export const bgNbdOf = (): ReturnType<typeof fitBgNbd> => (bgNbd ??= fitBgNbd({ customers: cdnowSummaryRows(), timeUnit: "week" }));

/** Gamma-Gamma fitted on five hand-made repeat customers (weeks), as test/api/validCalls.ts does. */
let gammaGamma: ReturnType<typeof fitGammaGamma> | undefined;
export const gammaGammaOf = (): ReturnType<typeof fitGammaGamma> =>
  (gammaGamma ??= fitGammaGamma({ timeUnit: "week", customers: [
    { frequency: 1, recency: 10, T: 30, monetaryValue: "10" },
    { frequency: 2, recency: 20, T: 30, monetaryValue: "14" },
    { frequency: 5, recency: 28, T: 30, monetaryValue: "30" },
    { frequency: 3, recency: 5, T: 30, monetaryValue: "8" },
    { frequency: 4, recency: 25, T: 30, monetaryValue: "12" },
  ] }));
