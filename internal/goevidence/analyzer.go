package goevidence

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/noticevet/noticevet/internal/evidence"
)

// Analyzer finds the export sites of a package: the calls that send or
// store personal data, each with what decides its destination. Its result
// is a *Result; it exports facts about functions, package-level variables
// and struct fields so that the packages importing this one can follow
// personal data and destinations through them.
//
// It reports no diagnostics: the noticevet analyzer (package analyzer)
// applies the rules to its sites, and goload.Collect turns them into evidence for
// `noticevet check`.
var Analyzer = &analysis.Analyzer{
	Name:       "noticevetsites",
	Doc:        "find calls that send or store personal data",
	URL:        "https://pkg.go.dev/github.com/noticevet/noticevet/analyzer",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(funcFact), new(valueFact), new(constFact)},
}

// Result is what Analyzer finds in one package.
type Result struct {
	// Sites are the export sites, in source order.
	Sites []Site
	// Writes are the exported fields of types of the module this
	// package writes, outside tests, and the types it may fill by
	// reflection ("path.Type.*"): see Site.Open.
	Writes []string
}

// Site is one call that sends or stores personal data, with one possible
// destination. A call with several possible destinations is several Sites
// with the same Pos.
type Site struct {
	Pos  token.Pos
	Kind evidence.Kind
	// What names the site as a user would: "http.Post to api.partner.cn",
	// "s3.Client.PutObject", "sql.DB.Exec to db.example.kr".
	What string
	// Host is the host the data goes to, when a host decides the country.
	Host string
	// Provider and Region are the cloud location that decides it, when a
	// region does ("aws", "ap-northeast-2"; "google", "EU").
	Provider, Region string
	// Unresolved says why no destination could be decided.
	Unresolved string
	// Keys are, on an unresolved site, the environment variables or
	// configuration keys whose value alone decides where the call goes
	// (evidence.Evidence.Keys): one per value the destination may take,
	// and none unless every value is read from one. Sorted.
	Keys []evidence.ConfigKey
	// Store is the store the call writes to, when the resource that
	// defines it elsewhere (in Terraform) is to place the call: the code
	// cannot decide where it goes, or the store's name holds in every
	// region. Zero otherwise.
	Store evidence.StoreRef
	// Deferred is set when the destination comes from the callers of the
	// function the site is in, and callers in other packages are told
	// about it through a fact: a caller that decides it gives a site of its
	// own (whose Origin is this site's position).
	Deferred bool
	// Origin is, for a site found through a function of another package,
	// the position ("file:line:col") of the call in that function that
	// sends the data; several positions, one per line, when the call
	// reaches the same destination through several calls inside.
	Origin string
	// ForInner is set on a caller's note that is no finding of its own:
	// the call gives the function of another package only a value not
	// known statically (an environment variable, a configuration key),
	// which does not decide where the call inside (Origin) sends. The
	// deferred site at Origin stays, and says what its callers give it
	// (FromCallers).
	ForInner bool
	// Open are, on an unresolved site, the exported fields of types of
	// the module whose values at run time are the first unknown of each
	// value the note stands for (a client's BaseURL field that its
	// package sets to a known URL), each as "field@reading/package":
	// where no other package writes them, nor decodes their type by
	// reflection, they hold only what their package writes, which are
	// sites of their own, and the note is no site (Writers.Settled).
	// Sorted.
	Open []string `json:",omitempty"`
	// Settings are, on an unresolved site, the settings the first unknown
	// of each value the note stands for is read from: "env:NAME" and
	// "config:key" for an environment variable or a configuration key, and
	// "field:path.Type.Field" for a field of a type of the module (whose
	// value a flag, a file or the environment sets). A self block that
	// names every one of them makes the call the service's own (a CLI
	// calling the server it is pointed at). Nil unless each value has one.
	// Sorted.
	Settings []string `json:",omitempty"`

	fromInput bool // the destination is an input of the function
	// remote is set on a note of an input that is the DSN of a database
	// kept elsewhere than on this machine (dsn:mysql): a local SQLite
	// file the same call may open instead does not make it go (mergeNotes).
	remote  bool
	reasons []string // the unknowns Unresolved lists, for fitNote
	// cloud is the cloud whose client the destination is ("aws",
	// "google", hAzure), "" for other kinds: notes of one call on
	// several clouds' back ends are one each (mergeNotes).
	cloud string
}

func run(pass *analysis.Pass) (any, error) {
	s := analyze(pass)
	return &Result{Sites: s.sites, Writes: s.fieldWrites()}, nil
}

// analyze finds a package's sites and exports its facts.
func analyze(pass *analysis.Pass) *pkgState {
	s := newPkgState(pass)
	s.exportConstFacts()
	if skipPackage(pass) {
		return s
	}
	s.prepass()
	s.findSites()
	s.exportFacts()
	return s
}

// infraPrefixes are module paths of SDKs and infrastructure libraries.
// Their packages are not analyzed (their behaviour is built in where it
// matters), and their types are never personal data by their names: a
// pubsub.Message or an s3.PutObjectInput is a vehicle, not a person.
var infraPrefixes = []string{
	"github.com/aws/aws-sdk-go",
	"github.com/aws/aws-sdk-go-v2",
	"github.com/aws/smithy-go",
	"cloud.google.com/go",
	"google.golang.org/api",
	"google.golang.org/grpc",
	"google.golang.org/protobuf",
	"google.golang.org/genproto",
	"github.com/golang/protobuf",
	"github.com/Azure/azure-sdk-for-go",
	"golang.org/x",
	"github.com/lib/pq",
	"github.com/go-sql-driver/mysql",
	"github.com/jackc/pgx",
	// SQLite as pure Go, a file on the machine (dest.go places its DSNs as
	// local), with the C library it is translated against: the largest
	// dependency of a service that embeds it (13 MB of source), and
	// nothing in it leaves the machine.
	"modernc.org/sqlite",
	"modernc.org/libc",
	"modernc.org/mathutil",
	"modernc.org/memory",
}

// SkipsPath reports whether Analyzer leaves the package of an import path
// alone: the standard library and the SDKs, whose behaviour is built in.
// A loader need not type-check their function bodies.
func SkipsPath(path string) bool { return isInfraPath(path) }

func isInfraPath(path string) bool {
	for _, p := range infraPrefixes {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return sdkModule(path) || isStdPath(path)
}

// infraCache is keyed by import path, not by *types.Package: a driver
// that loads one module after another (noticevet check) would otherwise
// keep every module's type graph alive through its keys.
var infraCache sync.Map // import path → bool

// isInfra reports whether a package is of the standard library or an SDK.
func isInfra(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	path := pkg.Path()
	if v, ok := infraCache.Load(path); ok {
		return v.(bool)
	}
	v := isInfraPath(path)
	infraCache.Store(path, v)
	return v
}

var stdCache sync.Map // path → bool

// isStdPath reports whether an import path is a standard library package:
// its first element has no dot and GOROOT holds it. (A module path without
// a dot, such as "myapp", is not the standard library.)
func isStdPath(path string) bool {
	if path == "C" || path == "unsafe" {
		return true
	}
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return false
	}
	if v, ok := stdCache.Load(path); ok {
		return v.(bool)
	}
	std := false
	if root := goroot(); root != "" {
		fi, err := os.Stat(filepath.Join(root, "src", filepath.FromSlash(path)))
		std = err == nil && fi.IsDir()
	}
	stdCache.Store(path, std)
	return std
}

var goroot = sync.OnceValue(func() string { return build.Default.GOROOT })

func skipPackage(pass *analysis.Pass) bool {
	return isInfra(pass.Pkg) || noDataPackage(pass.Pkg.Path())
}

// isGenerated reports whether a file carries the standard "Code generated
// ... DO NOT EDIT." comment.
func isGenerated(f *ast.File) bool { return ast.IsGenerated(f) }
