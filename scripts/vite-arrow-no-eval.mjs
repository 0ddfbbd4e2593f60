// A Vite plugin for the Content-Security-Policy (script-src 'self', no 'unsafe-eval'): Apache Arrow's
// builders (vectorFromArray, makeBuilder with nullValues) compile their null check with `new Function`
// (apache-arrow/builder/valid.mjs), which the policy blocks. This replaces that one module in the client
// bundle with the same check written as a closure: a value is null when it is === one of the null values,
// or NaN when NaN is one of them (the generated switch compares with === as well).
const VALID = /[\\/]apache-arrow[\\/]builder[\\/]valid\.m?js$/;

export function arrowNoEval() {
  return {
    name: "hemtjanstkollen-arrow-no-eval",
    enforce: "pre",
    load(id) {
      if (!VALID.test(id.split("?")[0])) return null;
      return `export function createIsValidFunction(nullValues) {
  if (!nullValues || nullValues.length <= 0) return function isValid() { return true; };
  const nan = nullValues.some((x) => x !== x);
  const nulls = nullValues.filter((x) => x === x);
  return function isValid(x) {
    if (nan && x !== x) return false;
    for (let i = 0; i < nulls.length; i++) if (x === nulls[i]) return false;
    return true;
  };
}
`;
    },
  };
}
