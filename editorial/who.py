"""People as the desk names them: full name, falling back to the username."""


def name_of(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
