"""kg: geopolitical knowledge graphs from news, with provenance, in RDF and Neo4j."""
__version__ = "0.1.0"
