/// Human names of categories, in both languages, from Policies/categories.yaml.
public enum CategoryNames {
    public static func name(_ category: Category, _ language: Language) -> String {
        CategoryCatalogue.shipped[category]?.name.text(language) ?? category.rawValue
    }
}
