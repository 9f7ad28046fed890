package analyzer

// ResetFlags puts the analyzer's flags back to their defaults, for tests.
func ResetFlags() {
	noticeFlag, configFlag, baselineFlag, allowMissing = nil, "", "", false
}

// Exported for the package's tests.
var (
	ExtractDoc     = extractDoc
	DependencyPath = dependencyPath
	DocGo          = docGo
)
