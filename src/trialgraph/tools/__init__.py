"""Developer tools that maintain generated files of the package."""
