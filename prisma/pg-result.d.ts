// pg ships no types for its internal Result class, which the workaround patches.
declare module 'pg/lib/result' {
  const Result: unknown;
  export default Result;
}
