// name: claims_by_speaker
// description: Claims (statements with a proposition object) made by a speaker, with the evidence text, offsets and article.
// param: speaker string
MATCH (sp:Entity)
WHERE sp.name = $speaker OR $speaker IN sp.aliases
MATCH (s:Statement {object_kind: 'proposition'})-[:SUBJECT]->(sp)
MATCH (s)-[:EVIDENCE_IN]->(a:Article)
OPTIONAL MATCH (s)-[:ATTRIBUTED_TO]->(src:Entity)
RETURN sp.name AS speaker, s.predicate AS predicate, s.object_text AS claim, s.modality AS modality,
       src.name AS attributed_to, s.evidence_text AS evidence, s.evidence_start AS evidence_start,
       s.evidence_end AS evidence_end, s.published AS published, a.id AS article_id, a.title AS title,
       a.source AS source, s.id AS statement_id
ORDER BY s.published_local, statement_id
