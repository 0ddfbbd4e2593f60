// Example questions for the SQL box ("Fråga data"). Pure data; the page renders them as buttons.

export interface ExampleQuery { label: string; sql: string }

const DEFAULT_SET = "seniorernas-prioritering";

export function exampleQueries(years: readonly number[]): ExampleQuery[] {
  const last = years[years.length - 1];
  const first = years[0];
  return [
    {
      label: "Kommuner där enheterna skiljer sig mest",
      sql: `-- Skillnaden mellan bästa och sämsta enhet (totalindex) i varje kommun, ${last}.
-- Bara enheter med minst 30 svarande rangordnas.
SELECT m.name AS kommun, count(*) AS enheter,
  round(max(u.total) - min(u.total), 1) AS spridning,
  min(u.total) AS lagst, max(u.total) AS hogst
FROM unit_scores u JOIN municipalities m ON m.code = u.municipality
WHERE u.year = ${last} AND u.weight_set = '${DEFAULT_SET}'
  AND u.missing_rule = 'riksmedian' AND u.rank IS NOT NULL
GROUP BY m.name HAVING count(*) >= 2
ORDER BY spridning DESC
LIMIT 20`,
    },
    {
      label: "Kommuner som steg mest",
      sql: `-- Rangen ${first} jämförd med ${last} (standardvikter, riksmedianen).
SELECT m.name AS kommun, f.rank AS rang_${first}, l.rank AS rang_${last},
  f.rank - l.rank AS steg_uppat
FROM scores f
JOIN scores l ON l.municipality = f.municipality AND l.weight_set = f.weight_set AND l.missing_rule = f.missing_rule
JOIN municipalities m ON m.code = f.municipality
WHERE f.year = ${first} AND l.year = ${last}
  AND f.weight_set = '${DEFAULT_SET}' AND f.missing_rule = 'riksmedian'
  AND f.rank IS NOT NULL AND l.rank IS NOT NULL
ORDER BY steg_uppat DESC
LIMIT 20`,
    },
    {
      label: "Indikatorer med störst spridning mellan enheter",
      sql: `-- Största skillnaden mellan enheter inom en kommun, per indikator, ${last}.
SELECT m.name AS kommun, i.indicator, i.unit_count AS enheter, i.unit_min, i.unit_max, i.unit_spread
FROM indicator_scores i JOIN municipalities m ON m.code = i.municipality
WHERE i.year = ${last} AND i.unit_spread IS NOT NULL
ORDER BY i.unit_spread DESC
LIMIT 20`,
    },
    {
      label: "Medelvärde per kommungrupp",
      sql: `-- Genomsnittligt totalindex per kommungrupp, ${last} (standardvikter, riksmedianen).
SELECT m.kommungrupp, count(*) AS kommuner, round(avg(s.total), 1) AS medel_totalindex
FROM scores s JOIN municipalities m ON m.code = s.municipality
WHERE s.year = ${last} AND s.weight_set = '${DEFAULT_SET}' AND s.missing_rule = 'riksmedian'
GROUP BY m.kommungrupp
ORDER BY medel_totalindex DESC`,
    },
    {
      label: "Så skiljer sig reglerna för saknade värden",
      sql: `-- Kommuner vars rang ändras mest om saknade värden räknas som 0 (som Hemtjänstindex), ${last}.
SELECT m.name AS kommun, o.rank AS rang_riksmedian, h.rank AS rang_som_hemtjanstindex,
  h.rank - o.rank AS skillnad, o.coverage AS tackning
FROM scores o
JOIN scores h ON h.year = o.year AND h.municipality = o.municipality AND h.weight_set = o.weight_set
  AND h.missing_rule = 'som-hemtjanstindex'
JOIN municipalities m ON m.code = o.municipality
WHERE o.year = ${last} AND o.weight_set = '${DEFAULT_SET}' AND o.missing_rule = 'riksmedian'
ORDER BY abs(h.rank - o.rank) DESC
LIMIT 20`,
    },
    {
      label: "Kolumnerna i resultattabellen",
      sql: "DESCRIBE scores",
    },
  ];
}
