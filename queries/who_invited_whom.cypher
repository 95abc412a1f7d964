// name: who_invited_whom
// description: Every invitation between two actors, with its modality, publication time and article.
MATCH (a:Entity)-[r:INVITE]->(b:Entity)
RETURN a.name AS inviter, b.name AS invitee, r.modality AS modality, r.published AS published,
       r.article_id AS article_id, r.statement_id AS statement_id
ORDER BY r.published_local, inviter, invitee
