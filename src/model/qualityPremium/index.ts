// The quality-premium simulator's engine (issue 15): presets, parsing, continuity, rules, what-if.
export * from "./types";
export * from "./presets";
export * from "./continuity";
export * from "./evaluate";
export * from "./whatIf";
export * from "./parseInput";
export * from "./prepare";
export * from "./exampleData";
export * from "./json";
