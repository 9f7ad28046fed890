home = "JP"

ignore {
  rule   = "unresolved-destination"
  path   = "legacy.go"
  reason = "being removed"
}
