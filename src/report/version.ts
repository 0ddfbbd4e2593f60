// The report generator's version: part of every package's cache key (with the content hash of the
// municipality's inputs and of the generator's own source files), so a change here rebuilds every package.
export const REPORT_GENERATOR_VERSION = "1.0.0";
