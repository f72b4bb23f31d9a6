"""Swedish texts for pydantic's validation errors, by pydantic error ``type``.

Pydantic's own messages are English; :func:`bot.validation.validation_message`
looks the error's type up here (``pydantic.<type>``) and fills in its context.
A type not listed gets ``pydantic.other``, so no English reaches a Swedish message.
"""

TEXTS: dict[str, str] = {
    "pydantic.missing": "saknas",
    "pydantic.extra_forbidden": "är inget känt fält",
    "pydantic.string_type": "ska vara text",
    "pydantic.string_unicode": "ska vara giltig Unicode-text",
    "pydantic.string_too_short": "ska ha minst {min_length} tecken",
    "pydantic.string_too_long": "får ha högst {max_length} tecken",
    "pydantic.dict_type": "ska vara ett JSON-objekt ({{…}})",
    "pydantic.model_type": "ska vara ett JSON-objekt ({{…}})",
    "pydantic.model_attributes_type": "ska vara ett JSON-objekt ({{…}})",
    "pydantic.list_type": "ska vara en lista ([…])",
    "pydantic.int_type": "ska vara ett heltal",
    "pydantic.int_parsing": "ska vara ett heltal",
    "pydantic.int_from_float": "ska vara ett heltal, inte ett decimaltal",
    "pydantic.int_parsing_size": "är ett för stort heltal",
    "pydantic.float_type": "ska vara ett tal",
    "pydantic.float_parsing": "ska vara ett tal",
    "pydantic.bool_type": "ska vara sant eller falskt (true eller false)",
    "pydantic.bool_parsing": "ska vara sant eller falskt (true eller false)",
    "pydantic.literal_error": "ska vara ett av: {expected}",
    "pydantic.enum": "ska vara ett av: {expected}",
    "pydantic.datetime_type": "ska vara ett datum med tid (till exempel 2023-06-15T12:00)",
    "pydantic.datetime_parsing": "ska vara ett datum med tid (till exempel 2023-06-15T12:00)",
    "pydantic.datetime_from_date_parsing": "ska vara ett datum med tid (till exempel 2023-06-15T12:00)",
    "pydantic.date_type": "ska vara ett datum (till exempel 2023-06-15)",
    "pydantic.date_parsing": "ska vara ett datum (till exempel 2023-06-15)",
    "pydantic.date_from_datetime_parsing": "ska vara ett datum (till exempel 2023-06-15)",
    "pydantic.greater_than_equal": "ska vara minst {ge}",
    "pydantic.less_than_equal": "får vara högst {le}",
    "pydantic.greater_than": "ska vara större än {gt}",
    "pydantic.less_than": "ska vara mindre än {lt}",
    "pydantic.too_short": "ska ha minst {min_length} element",
    "pydantic.too_long": "får ha högst {max_length} element",
    "pydantic.none_required": "ska vara tomt (null)",
    "pydantic.url_parsing": "ska vara en giltig webbadress",
    "pydantic.url_scheme": "ska vara en giltig webbadress",
    "pydantic.json_invalid": "är inte giltig JSON",
    "pydantic.path_type": "ska vara en sökväg",
    "pydantic.value_error": "{error}",
    "pydantic.other": "har ett ogiltigt värde",
    "pydantic.or": "eller",
    "pydantic.field": "fältet {path}: {message}",
    # --- our own validators' messages (raised as ValueError) -------------------------
    "settings.bad_url": "ska börja med http:// eller https://",
    "settings.bad_datetime": "ska vara ett datum eller en tidpunkt (till exempel 2023-06-15 eller 2023-06-15T08:30)",
    "settings.invalid": "Ogiltig inställning {name}: {message}",
}
