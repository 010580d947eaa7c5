import Model

/// For each diagnostic code: what it means (used when a diagnostic carries no
/// message) and what the school should fix. Wording follows `diagnostics.md`.
enum ProtocolHints {
    static func description(of code: DiagnosticCode) -> String {
        switch code {
        case .fileUnreadable: return "Файл не читается как документ Word."
        case .fileUnsupportedFormat: return "Файл не в формате .docx."
        case .documentNotRecognized: return "В файле не найдены дорожная карта, отчёт, приказ или таблица показателей."
        case .documentTemplateUnfilled: return "В документе остались незаполненные места формы."
        case .documentPeriodMissing: return "Не указан период, на который составлен документ."
        case .deadlineMissing: return "Не указан срок."
        case .deadlinePlaceholder: return "Вместо срока оставлена заглушка («Х года», «00.00.0000», «____»)."
        case .deadlineUnparsed: return "Срок записан так, что его не удалось понять."
        case .deadlineYearMissing: return "В сроке не указан год, и период документа его не подсказывает."
        case .deadlineInvalidDate: return "В сроке дата, которой не бывает."
        case .deadlineOutsidePeriod: return "Срок выходит за период документа."
        case .responsibleMissing: return "Не указаны ответственные."
        case .responsibleUnknown: return "Ответственный не распознан: это не должность, не человек и не орган."
        case .responsibleNotInRoster: return "Ответственного нет в списке работников организации."
        case .activityMissing: return "У пункта нет текста мероприятия."
        case .resultMissing: return "Не указан ожидаемый результат."
        case .itemDuplicateNumber: return "Номер пункта повторяется."
        case .itemNumberingGap: return "В нумерации пунктов пропуск."
        case .orderPlaceholderDate: return "В приказе вместо даты оставлена заглушка."
        case .documentContentSkipped: return "Часть файла (надпись, рисунок с текстом, встроенный объект) не прочитана."
        case .deadlineTooLong: return "Текст срока слишком длинный, чтобы быть сроком: он не разобран."
        case .responsibleTooLong: return "Текст ячейки «Ответственные» слишком длинный: он не разобран."
        case .documentNoItems: return "Документ распознан, но ни одного пункта из него не прочитано."
        case .organisationNotInRoster: return "Организация не найдена в списке организаций муниципалитета."
        case .reportStatusUnknown: return "Отметка о выполнении не распознана."
        }
    }

    static func fix(for code: DiagnosticCode) -> String? {
        switch code {
        case .fileUnreadable, .fileUnsupportedFormat: return "Сохраните документ в Word как «Документ Word (.docx)» без пароля и пришлите снова."
        case .documentNotRecognized: return "Проверьте, что прислан нужный документ и таблица мероприятий в нём есть."
        case .documentTemplateUnfilled: return "Заполните все места формы: наименование организации, даты, номера."
        case .documentPeriodMissing: return "Укажите в заголовке годы, на которые составлен документ (например, «на 2024–2025 годы»)."
        case .deadlineMissing, .deadlinePlaceholder, .deadlineUnparsed:
            return "Укажите срок: дату («до 15.03.2024»), месяц с годом («март 2024») или периодичность («ежеквартально»)."
        case .deadlineYearMissing: return "Добавьте к сроку год."
        case .deadlineInvalidDate: return "Исправьте дату: проверьте число, месяц и год."
        case .deadlineOutsidePeriod: return "Перенесите срок в период документа или исправьте период."
        case .responsibleMissing: return "Укажите должность или фамилию ответственного."
        case .responsibleUnknown: return "Запишите ответственного как должность («заместитель директора по УВР») или фамилию с инициалами."
        case .responsibleNotInRoster: return "Проверьте фамилию или добавьте работника в список."
        case .activityMissing: return "Впишите мероприятие или удалите пустую строку."
        case .resultMissing: return "Укажите ожидаемый результат или итоговый документ."
        case .itemDuplicateNumber, .itemNumberingGap: return "Проверьте нумерацию пунктов."
        case .orderPlaceholderDate: return "Впишите дату и номер приказа."
        case .documentContentSkipped: return "Перенесите важный текст из надписей и встроенных объектов в обычный текст или таблицу."
        case .deadlineTooLong: return "Оставьте в ячейке «Срок» только срок («до 15.03.2024», «ежеквартально»)."
        case .responsibleTooLong: return "Оставьте в ячейке «Ответственные» только должности и фамилии ответственных."
        case .documentNoItems: return "Оформите мероприятия таблицей со строкой заголовков («Мероприятие», «Срок», «Ответственный») и пришлите файл снова; до тех пор проверьте документ вручную."
        case .organisationNotInRoster: return "Напишите полное или краткое наименование организации так, как в списке организаций."
        case .reportStatusUnknown: return "Отметьте выполнение словами «выполнено», «не выполнено» или «в работе»."
        }
    }
}
