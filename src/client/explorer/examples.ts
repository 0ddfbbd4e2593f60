// Example questions for the SQL box ("Fråga data"), written against the Swedish views (views.ts).
// Pure data; the page renders them as buttons. A change in rank is shown only when it is certain: the
// two years' 90 % rank intervals do not overlap (the site's change rule, issue 18).

import { DEFAULT_MISSING_RULE } from "../../model/missing";

export interface ExampleQuery { label: string; sql: string }

const DEFAULT_SET = "seniorernas-prioritering";
const RULE = DEFAULT_MISSING_RULE;

export function exampleQueries(years: readonly number[]): ExampleQuery[] {
  const last = years[years.length - 1];
  const first = years[0];
  return [
    {
      label: "Kommuner där enheterna skiljer sig mest",
      sql: `-- Skillnaden mellan bästa och sämsta enhet (totalindex) i varje kommun, ${last}.
-- Bara enheter med minst 30 svarande rangordnas. Enheterna är exempeldata där exempeldata = true.
SELECT k.kommun, count(*) AS enheter,
  round(max(e.totalindex) - min(e.totalindex), 1) AS spridning,
  min(e.totalindex) AS lagst, max(e.totalindex) AS hogst
FROM enhetsresultat e JOIN kommuner k USING (kommunkod)
WHERE e.ar = ${last} AND e.viktuppsattning = '${DEFAULT_SET}'
  AND e.regel = '${RULE}' AND e.rang IS NOT NULL
GROUP BY k.kommun HAVING count(*) >= 2
ORDER BY spridning DESC
LIMIT 20`,
    },
    {
      label: "Kommuner som steg mest",
      sql: `-- Kommuner som säkert ligger bättre ${last} än ${first}: hela rangintervallet ${last}
-- ligger före hela intervallet ${first} (90 % osäkerhetsintervall som inte överlappar).
-- Båda åren är räknade på de indikatorer som finns båda åren (vyn forandring).
-- Mindre skillnader kan vara slumpen och visas inte.
SELECT kommun, rang_fran AS rang_${first}, rang_till AS rang_${last},
  forandring AS steg_uppat,
  lag_fran || '–' || hog_fran AS intervall_${first},
  lag_till || '–' || hog_till AS intervall_${last}
FROM forandring
WHERE fran_ar = ${first} AND till_ar = ${last}
  AND viktuppsattning = '${DEFAULT_SET}' AND regel = '${RULE}'
  AND sakerstalld AND forandring > 0
ORDER BY steg_uppat DESC
LIMIT 20`,
    },
    {
      label: "Indikatorer med störst spridning mellan enheter",
      sql: `-- Största skillnaden mellan enheter inom en kommun, per indikator, ${last}.
SELECT i.kommun, p.namn AS indikator, i.antal_enheter, i.enhet_lagst, i.enhet_hogst, i.enhet_spridning
FROM indikatorpoang i JOIN poangregler p USING (indikator)
WHERE i.ar = ${last} AND i.enhet_spridning IS NOT NULL
ORDER BY i.enhet_spridning DESC
LIMIT 20`,
    },
    {
      label: "Medelvärde per kommungrupp",
      sql: `-- Genomsnittligt totalindex per kommungrupp, ${last} (standardvikter).
SELECT k.kommungrupp, count(*) AS kommuner, round(avg(r.totalindex), 1) AS medel_totalindex
FROM resultat r JOIN kommuner k USING (kommunkod)
WHERE r.ar = ${last} AND r.viktuppsattning = '${DEFAULT_SET}' AND r.regel = '${RULE}'
GROUP BY k.kommungrupp
ORDER BY medel_totalindex DESC`,
    },
    {
      label: "Så skiljer sig reglerna för saknade värden",
      sql: `-- Kommuner vars rang ändras mest om saknade värden räknas som 0 (som Hemtjänstindex), ${last}.
SELECT o.kommun, o.rang AS rang_standardregeln, h.rang AS rang_som_hemtjanstindex,
  h.rang - o.rang AS skillnad, o.tackning
FROM resultat o
JOIN resultat h ON h.ar = o.ar AND h.kommunkod = o.kommunkod AND h.viktuppsattning = o.viktuppsattning
  AND h.regel = 'som-hemtjanstindex'
WHERE o.ar = ${last} AND o.viktuppsattning = '${DEFAULT_SET}' AND o.regel = '${RULE}'
  AND o.rang IS NOT NULL AND h.rang IS NOT NULL
ORDER BY abs(h.rang - o.rang) DESC
LIMIT 20`,
    },
    {
      label: "Rådata för en kommun",
      sql: `-- Alla värden från Kolada för Borås ${last}, totalt för båda könen.
SELECT v.kpi, n.titel, v.varde
FROM varden v JOIN nyckeltal n USING (kpi)
WHERE v.kommun = 'Borås' AND v.ar = ${last} AND v.kon = 'T'
ORDER BY v.kpi`,
    },
    {
      label: "Kolumnerna i resultattabellen",
      sql: "DESCRIBE resultat",
    },
  ];
}
