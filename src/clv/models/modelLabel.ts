/**
 * The printed name of a transaction model, for chart and report text: "BG/NBD", "MBG/NBD" or
 * "Pareto/NBD" (anything else reads as BG/NBD, the default model).
 *
 * @example
 * transactionModelLabel("mbg-nbd") //=> "MBG/NBD"
 */
export function transactionModelLabel(model: unknown): "BG/NBD" | "MBG/NBD" | "Pareto/NBD" {
  return model === "pareto-nbd" ? "Pareto/NBD" : model === "mbg-nbd" ? "MBG/NBD" : "BG/NBD";
}
