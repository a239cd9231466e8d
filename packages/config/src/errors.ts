/** A configuration problem the operator must fix; `variables` names every variable involved. */
export class AtlasConfigError extends Error {
  override name = "AtlasConfigError";
  constructor(
    message: string,
    readonly variables: readonly string[] = [],
  ) {
    super(message);
  }
}
