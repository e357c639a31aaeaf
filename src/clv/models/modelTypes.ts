/** The unit every time in a summary and a model is counted in; `period` when the rows did not say. */
export type TimeUnit = "day" | "week" | "month" | "quarter" | "year" | "period";

export type ModelName = "bg-nbd" | "mbg-nbd" | "pareto-nbd" | "gamma-gamma" | "sbg" | "bg-bb";

/** BG/NBD parameters (Fader, Hardie & Lee 2005): NBD purchasing `r`, `alpha`; beta dropout `a`, `b`. */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987): purchasing `r`, `alpha`; lifetime `s`, `beta`. */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/**
 * Beta-geometric/beta-binomial parameters (Fader, Hardie & Shang 2010): transaction
 * probability p ~ Beta(`alpha`, `beta`) per opportunity; dropout probability θ ~ Beta(`gamma`, `delta`)
 * per opportunity.
 */
export interface BgBbParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
}

/** Gamma-Gamma spend parameters (Fader, Hardie & Lee 2005, "RFM and CLV"): `p`, `q`, `gamma`. */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** Shifted-beta-geometric churn parameters (Fader & Hardie 2007): `alpha`, `beta`. */
export interface SbgParams {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * A fitted model: immutable, plain JSON. Every prediction function takes it as it is or
 * after `JSON.parse(JSON.stringify(model))`.
 */
export interface FittedModel<Name extends ModelName, Params> {
  readonly model: Name;
  readonly params: Params;
  /** The maximised log-likelihood (without the penalty), summed over customers. */
  readonly logLikelihood: number;
  /** True when the optimizer met its tolerances (a fit that does not throws `ModelFitError`, so a returned model has `true`). */
  readonly converged: boolean;
  /**
   * Why the figures may not be meaningful; empty when the fit is fine. One entry per parameter
   * at the edge of the parameter space (beyond 1e4 times its natural size, or below 1e-4 times
   * it), where the likelihood has no interior optimum. A model from before this field may lack it.
   */
  readonly warnings?: readonly string[];
  readonly iterations: number;
  /** Customers (sum of weights) or cohort members the model was fitted on. */
  readonly observations: number;
  readonly timeUnit: TimeUnit;
  /** The L2 penalty coefficient used (0 for plain maximum likelihood). */
  readonly penalizer: number;
  /** Asymptotic standard errors from the inverse numerical Hessian, when it is positive definite. */
  readonly standardErrors?: Params;
  /**
   * The parameters' asymptotic covariance: the inverse of the observed information −∇²LL at
   * the optimum, in the natural parameters (rows and columns in `names` order); its diagonal's
   * square roots are `standardErrors`. `null` (see `covarianceReason`) when the information is
   * not positive definite or was not computed. A model from before this field lacks it.
   */
  readonly covariance?: ParameterCovariance | null;
  /** Why `covariance` is `null`; `null` when it is given. */
  readonly covarianceReason?: string | null;
}

/** A covariance matrix of named parameters, as plain JSON: `matrix[i][j]` is Cov(names[i], names[j]). */
export interface ParameterCovariance {
  readonly names: readonly string[];
  readonly matrix: readonly (readonly number[])[];
}

export type BgNbdModel = FittedModel<"bg-nbd", BgNbdParams>;
/** MBG/NBD (Batislam, Denizel & Filiztekin 2007): BG/NBD's parameters, with dropout possible at time 0 too. */
export type ModifiedBgNbdModel = FittedModel<"mbg-nbd", BgNbdParams>;
export type ParetoNbdModel = FittedModel<"pareto-nbd", ParetoNbdParams>;
export type GammaGammaModel = FittedModel<"gamma-gamma", GammaGammaParams>;
export type SbgModel = FittedModel<"sbg", SbgParams>;
/** BG/BB, the discrete-time model: its customers are `DiscreteCustomerHistory` rows, its time unit is opportunities. */
export type BgBbModel = FittedModel<"bg-bb", BgBbParams>;

/** A model of when customers buy. */
export type TransactionModel = BgNbdModel | ParetoNbdModel | ModifiedBgNbdModel;

/** The names of the transaction models, in the order their messages list them. */
export const TRANSACTION_MODELS: readonly TransactionModel["model"][] = ["bg-nbd", "pareto-nbd", "mbg-nbd"];

/** Options shared by the fit functions. */
export interface FitOptions {
  /** L2 penalty on the parameters, added to the mean negative log-likelihood (as lifetimes' `penalizer_coef`); default 0. */
  readonly penalizer?: number | undefined;
  /** Time unit of the rows, when they are plain rows (a `customerSummary` result carries its own); default `period`. */
  readonly timeUnit?: TimeUnit | undefined;
  /** Largest number of simplex iterations per starting point; default 3000. */
  readonly maxIterations?: number | undefined;
}

/** A customer as the predictions see it: BTYD frequency, recency (last − first) and T (asOf − first). */
export interface CustomerHistory {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
}

/**
 * A customer of a discrete-time model (BG/BB): `frequency` transactions in `periods`
 * opportunities after the first, the last of them at opportunity `recency` (0 when frequency is 0).
 */
export interface DiscreteCustomerHistory {
  readonly frequency: number;
  readonly recency: number;
  readonly periods: number;
}
