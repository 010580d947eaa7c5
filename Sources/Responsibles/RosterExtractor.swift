/// The people an order's point or a working group's list names: «Назначить координатором …
/// Ковалёву Л.Ю.», «Директору МАУ ЗАТО Северск «РЦО» (Хлебенков В.В.) обеспечить …»,
/// «Коновалова Ольга Владимировна - заместитель директора …».
public enum RosterExtractor {
    /// Person keys (`Фамилия И. О.`, nominative) in the order they first appear.
    public static func people(in text: String) -> [String] {
        let tokens = Tokenizer(text).tokens
        var keys: [String] = []
        var i = 0
        while i < tokens.count {
            if let person = PersonName.match(tokens, at: i) {
                // `МБОУ СОШ им. О. К. Оолака` names a school, not a person who answers for anything.
                let namesAfter = i > 0 && ["им", "имени"].contains(tokens[i - 1].folded)
                if !namesAfter && !keys.contains(person.key) { keys.append(person.key) }
                i = person.end
            } else {
                i += 1
            }
        }
        return keys
    }
}
