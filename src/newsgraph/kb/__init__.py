"""The cross-article knowledge base: entity resolution, syndicated copies, and queries."""
