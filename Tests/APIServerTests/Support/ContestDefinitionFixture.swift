import ContestModel

/// Contest definitions for tests that need one without a route.
enum ContestDefinitionFixture {
    static func minimal() throws -> ContestDefinition {
        try ContestDefinitionLoader.parse(APIFixture.contestYAML(id: "fixture"))
    }
}
