// Package appconfig reads application configuration as an evidence source:
// YAML, JSON and TOML configuration files, .env files and Docker Compose files, where
// services keep the endpoints, hosts, database DSNs, object stores and
// broker lists they send personal data to.
//
// A value is evidence when what it is (a URL, a host, a DSN) and the words
// of its key (endpoint, url, host, dsn, broker, bucket, region) both say it
// is a destination; addresses that stay on the machine or the private
// network (localhost, loopback and private addresses, unix sockets,
// host.docker.internal, Compose service names) and documentation links
// (homepage, docs, license, schema keys) are not. The README's
// "Application configuration" section states the rule in full.
package appconfig

import (
	"bytes"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"strings"

	"github.com/noticevet/noticevet/internal/diag"
	"github.com/noticevet/noticevet/internal/evidence"
	"github.com/noticevet/noticevet/internal/repo"
)

// Limits on what is read: configuration files are small, and a larger one
// is not configuration.
const (
	maxFileSize = 4 << 20 // bytes per file
	maxNesting  = 500     // levels of YAML flow collections and of mappings
)

// Source reads the application configuration of a repository.
type Source struct{}

var _ evidence.Source = Source{}

// Name returns "config".
func (Source) Name() string { return "config" }

// kind is the kind of a configuration file.
type kind int

const (
	notConfig   kind = iota
	yamlFile         // a YAML configuration file
	composeFile      // a Docker Compose file
	envFile          // a .env file
	jsonFile         // a JSON configuration file
	tomlFile         // a TOML configuration file
)

// Read finds the configuration files below the view's folder (see
// classify), reads each as its kind, and places the destinations it
// names. A file that does not parse is the error, at its line.
func (Source) Read(v *repo.View, p evidence.Placer) (found evidence.Found, err error) {
	defer func() {
		if r := recover(); r != nil {
			found, err = evidence.Found{}, diag.Errorf(".", 0, "internal error reading configuration files: %v", r)
		}
	}()
	files, err := v.Walk(func(name string) bool {
		return strings.HasSuffix(name, ".go") || fileKind(name) != notConfig || isYAML(name) || isJSON(name) || isTOML(name)
	})
	if err != nil {
		return evidence.Found{}, err
	}
	// A YAML file outside the configuration folders is read when a Go
	// main package is beside it: only the Go files of those folders are
	// opened, and only their package clause parsed.
	yamlDirs := map[string]bool{}
	for _, f := range files {
		if (isYAML(f.Rel) || isJSON(f.Rel) || isTOML(f.Rel)) && classify(f.Rel, nil) == notConfig {
			yamlDirs[path.Dir(f.Rel)] = true
		}
	}
	mains := map[string]bool{} // folders (relative) that hold a Go main package
	for _, f := range files {
		dir := path.Dir(f.Rel)
		if !yamlDirs[dir] || mains[dir] || !strings.HasSuffix(f.Rel, ".go") || strings.HasSuffix(f.Rel, "_test.go") {
			continue
		}
		if isMain(v, f) {
			mains[dir] = true
		}
	}
	var (
		docs  []*doc
		notes diag.Diagnostics
		read  []string
	)
	for _, f := range files {
		k := classify(f.Rel, mains)
		if k == notConfig {
			continue
		}
		src, err := v.ReadText(f, maxFileSize)
		if err != nil {
			return evidence.Found{}, err
		}
		if (k == yamlFile || k == composeFile) && bytes.Contains(src, []byte("{{")) {
			// Helm, Go or Jinja templates are YAML only once rendered.
			notes = append(notes, &diag.Diagnostic{Severity: diag.Warning, Path: f.Rel, Line: repo.LineAt(src, bytes.Index(src, []byte("{{"))),
				Msg: "not read: a template ({{ … }}), which is YAML only once rendered"})
			continue
		}
		d, err := parse(f.Rel, k, src)
		if err != nil {
			return evidence.Found{}, err
		}
		read = append(read, f.Rel)
		if d != nil {
			docs = append(docs, d)
		}
	}
	// Compose service names are hosts on the Compose network, in every
	// file: a .env beside the compose file names them too.
	services := map[string]bool{}
	for _, d := range docs {
		for s := range d.services {
			services[strings.ToLower(s)] = true
		}
	}
	r := &reader{places: p, services: services, seen: map[seenKey]bool{}}
	for _, d := range docs {
		for _, e := range d.entries {
			r.entry(e)
		}
	}
	evidence.Sort(r.out)
	return evidence.Found{Evidence: r.out, Notes: notes, Read: read}, nil
}

// parse reads one file as its kind.
func parse(rel string, k kind, src []byte) (*doc, error) {
	switch k {
	case envFile:
		return readEnv(rel, src)
	case jsonFile:
		return readJSON(rel, src)
	case tomlFile:
		return readTOML(rel, src)
	default:
		return readYAML(rel, src, k == composeFile)
	}
}

func isYAML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

func isJSON(name string) bool { return strings.ToLower(path.Ext(name)) == ".json" }

func isTOML(name string) bool { return strings.ToLower(path.Ext(name)) == ".toml" }

// fileKind is the kind a file's base name says it is, whatever its folder.
func fileKind(name string) kind {
	n := strings.ToLower(name)
	if n == ".env" || envNames[strings.TrimPrefix(n, ".env.")] {
		return envFile
	}
	if isJSON(n) && strings.HasPrefix(n, "appsettings") {
		return jsonFile // .NET's appsettings.json, appsettings.Production.json
	}
	if isYAML(n) && (n == "application.yml" || n == "application.yaml" || strings.HasPrefix(n, "application-")) {
		return yamlFile // Spring Boot's application.yml, application-prod.yaml
	}
	if isYAML(n) {
		stem := strings.TrimSuffix(n, path.Ext(n))
		if stem == "compose" || stem == "docker-compose" || strings.HasPrefix(stem, "compose.") || strings.HasPrefix(stem, "docker-compose.") {
			return composeFile
		}
	}
	return notConfig
}

// envNames are the deployments a .env.<name> file may be for: the others
// (.env.example, .env.test, .env.invalid) are examples and fixtures.
var envNames = map[string]bool{"production": true, "prod": true, "staging": true, "stage": true, "live": true,
	"release": true, "deploy": true, "development": true, "dev": true, "local": true}

// toolFiles are YAML, JSON and TOML files that configure tools, not the
// application: they are not read wherever they are.
var toolFiles = map[string]bool{"codecov.yml": true, "codecov.yaml": true, "mkdocs.yml": true, "mkdocs.yaml": true,
	"action.yml": true, "action.yaml": true, "buf.yaml": true, "buf.gen.yaml": true, "buf.work.yaml": true,
	"sqlc.yaml": true, "sqlc.yml": true, "sqlc.json": true, "openapi.yaml": true, "openapi.yml": true, "openapi.json": true,
	"swagger.yaml": true, "swagger.yml": true, "swagger.json": true, "package.json": true, "package-lock.json": true,
	"tsconfig.json": true, "renovate.json": true, "dependabot.yml": true, "pnpm-lock.yaml": true, "goreleaser.yml": true,
	"goreleaser.yaml": true, "cargo.toml": true, "pyproject.toml": true, "netlify.toml": true, "gqlgen.yml": true}

// configFolders are the folders whose YAML files are configuration.
var configFolders = map[string]bool{"config": true, "configs": true, "configurations": true}

// excludedFolders hold files that are not the configuration a deployment
// uses: tests and their fixtures, examples, documentation, translations
// (whose links are text), CI settings.
var excludedFolders = map[string]bool{
	"test": true, "tests": true, "e2e": true, "__tests__": true, "fixtures": true, "mocks": true,
	"example": true, "examples": true, "sample": true, "samples": true, "docs": true, "doc": true,
	"locales": true, "locale": true, "i18n": true, "translations": true,
	".github": true, ".gitlab": true, ".circleci": true, ".buildkite": true,
}

// Excluded reports whether a file lies in an excluded folder or is named
// for tests: it is not what a deployment uses. The CloudFormation source
// leaves out the same files.
func Excluded(rel string) bool {
	parts := strings.Split(rel, "/")
	for _, p := range parts[:len(parts)-1] {
		if excludedFolders[strings.ToLower(p)] {
			return true
		}
	}
	return strings.Contains(strings.ToLower(parts[len(parts)-1]), "test")
}

// classify says how a file is read: compose, .env and appsettings*.json
// files by name, YAML, JSON and TOML files in a config/, configs/ or
// configurations/ folder or beside a Go main package; nothing in excluded
// folders.
func classify(rel string, mains map[string]bool) kind {
	if Excluded(rel) {
		return notConfig
	}
	base := path.Base(rel)
	if k := fileKind(base); k != notConfig {
		return k
	}
	if strings.HasPrefix(base, ".") || toolFiles[strings.ToLower(base)] {
		return notConfig // .golangci.yml, .goreleaser.yaml, and tools' own files
	}
	k := yamlFile
	switch {
	case isJSON(base):
		k = jsonFile
	case isTOML(base):
		k = tomlFile
	case !isYAML(base):
		return notConfig
	}
	dir := path.Dir(rel)
	if mains[dir] {
		return k
	}
	for _, p := range strings.Split(dir, "/") {
		if configFolders[strings.ToLower(p)] {
			return k
		}
	}
	return notConfig
}

// isMain reports whether a Go file declares package main. A Go file that
// cannot be read or parsed is the Go source's to report, not this one's.
func isMain(v *repo.View, f repo.File) bool {
	src, err := v.ReadText(f, maxFileSize)
	if err != nil {
		return false
	}
	af, err := parser.ParseFile(token.NewFileSet(), filepath.Base(f.Rel), src, parser.PackageClauseOnly)
	return err == nil && af.Name.Name == "main"
}

// doc is what a configuration file holds: its values, and the service
// names a Compose file defines.
type doc struct {
	entries  []entry
	services map[string]bool
}

// entry is one scalar value of a configuration file.
type entry struct {
	file string
	// path are the keys leading to the value, as written.
	path []string
	// value is the value as the file gives it.
	value string
	// line and col are where the value starts (col in bytes).
	line, col int
	// siblings are the other scalar values of the same mapping, by key
	// lower-cased: the region and bucket beside an endpoint.
	siblings map[string]string
	// env is set for environment variables (.env, Compose environment),
	// whose names are the keys.
	env bool
}

// what names the entry as the user wrote it: "s3.eu.endpoint".
func (e entry) what() string {
	// The finding's position names the file; the key path is what the
	// user looks for in it.
	return strings.Join(e.path, ".")
}
