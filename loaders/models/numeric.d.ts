// Types for the part of `numeric` (numeric.js, no types of its own) that optimize.ts uses.
declare module "numeric" {
  const numeric: {
    uncmin(
      f: (x: number[]) => number,
      x0: number[],
      tol?: number,
      gradient?: (x: number[]) => number[],
      maxit?: number
    ): {solution: number[]; f: number; message: string; iterations: number};
  };
  export default numeric;
}
