"""Graph stores behind one small interface: the embedded RDF store and Neo4j."""
