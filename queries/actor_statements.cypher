// name: actor_statements
// description: Statements whose subject is an actor (by canonical name or alias), newest first, with their object and provenance.
// param: actor string
MATCH (e:Entity)
WHERE e.name = $actor OR $actor IN e.aliases
MATCH (s:Statement)-[:SUBJECT]->(e)
MATCH (s)-[:EVIDENCE_IN]->(a:Article)
OPTIONAL MATCH (s)-[:OBJECT]->(o:Entity)
OPTIONAL MATCH (s)-[:ATTRIBUTED_TO]->(src:Entity)
RETURN e.name AS actor, s.predicate AS predicate, coalesce(o.name, s.object_text) AS object,
       s.modality AS modality, src.name AS attributed_to, s.confidence AS confidence,
       s.published AS published, a.id AS article_id, a.title AS title, s.id AS statement_id
ORDER BY s.published_local DESC, predicate, statement_id
