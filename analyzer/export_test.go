package analyzer

// ResetFlags puts the analyzer's flags back to their defaults, for tests.
func ResetFlags() { noticeFlag, configFlag = nil, "" }
