package diary
