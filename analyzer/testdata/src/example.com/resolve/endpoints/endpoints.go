// Package endpoints holds where the service sends data.
package endpoints

// Partner is a constant: its value is in the export data.
const Partner = "https://api.partner.cn"

// Analytics is a variable assigned once.
var Analytics = "https://collect.example.kr"

// Config names a service's base URL.
type Config struct {
	BaseURL string
}

// Default is set from constants.
var Default = Config{BaseURL: "https://sync.example.sg"}

// Ingest returns a constant URL.
func Ingest() string { return "https://ingest.example.de/v1" }

// URL joins a path to the analytics host.
func URL(path string) string { return Analytics + path }
