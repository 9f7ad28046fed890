package goevidence

import (
	"strings"
	"testing"
)

// A function of the module that builds text from what it is given (a
// resource name from a user's ID) marks its result personal by its
// parameter's name; a caller that gives it constant text gets constant
// text back, which names no one: the base policies written at set-up are
// no one's data. A caller that gives it an input named for a user still
// sends personal data. The same holds for a function of the package
// itself.
func TestConstantTextThroughNamedParameter(t *testing.T) {
	deps := map[string]string{"example.com/m/perm": `package perm

func UserArn(userID string) string { return "arn:app:auth:::user/" + userID }
`}
	const common = `package app

import (
	"fmt"
	"net/http"
	"strings"

	"example.com/m/perm"
)

type Policy struct {
	Name      string
	Resources []string
}

var _ = perm.UserArn

func ownerArn(userID string) string { return "arn:app:auth:::owner/" + userID }

func writePolicies(ps []Policy) {
	for _, p := range ps {
		http.Post("https://auth.example.us/policies", "text/plain", strings.NewReader(fmt.Sprintf("%v", p)))
	}
}
`
	weighCases(t, deps, common, map[string]bool{
		`func BasePolicies() { writePolicies([]Policy{{Name: "own", Resources: []string{perm.UserArn("${user}")}}}) }`:    false,
		`func BaseOwners() { writePolicies([]Policy{{Name: "all", Resources: []string{ownerArn("${user}")}}}) }`:          false,
		`func Grant(userID string) { writePolicies([]Policy{{Name: "own", Resources: []string{perm.UserArn(userID)}}}) }`: true,
	})
}

// A dispatcher runs handlers of another package through an interface,
// giving each an operation that holds the store they use and the name of
// the principal it was authorized for. What a handler sends of the
// operation is what it sends through its store (the repository it
// names), not the principal: the operation is the service, and the call
// that dispatches is no site. An argument that a handler sends as data
// beside the operation (a user's name to record) still makes the call a
// site.
func TestDispatchGivesTheService(t *testing.T) {
	deps := map[string]string{"example.com/m/ops": `package ops

import (
	"database/sql"
	"net/http"
)

type Store struct{ db *sql.DB }

func Open() *Store {
	db, _ := sql.Open("postgres", "host=db.example.us dbname=objects")
	return &Store{db: db}
}

func (s *Store) Delete(repo string) { s.db.Exec("DELETE FROM objects WHERE repo = $1", repo) }

func (s *Store) List(repo string) { s.db.Query("SELECT key FROM objects WHERE repo = $1", repo) }

func (s *Store) Save(repo, name string) {
	s.db.Exec("INSERT INTO audit (repo, name) VALUES ($1, $2)", repo, name)
}

type Op struct {
	Store     *Store
	Principal string
	Repo      string
}

type Handler interface {
	Handle(w http.ResponseWriter, r *http.Request, o *Op)
}

type DeleteObjects struct{}

func (DeleteObjects) Handle(w http.ResponseWriter, r *http.Request, o *Op) { o.Store.Delete(o.Repo) }

type ListObjects struct{}

func (ListObjects) Handle(w http.ResponseWriter, r *http.Request, o *Op) { o.Store.List(o.Repo) }

type Recorder interface {
	Record(o *Op, name string)
}

type AuditRecorder struct{}

func (AuditRecorder) Record(o *Op, name string) { o.Store.Save(o.Repo, name) }

type NameRecorder struct{}

func (*NameRecorder) Record(o *Op, name string) { o.Store.Save("names", name) }
`}
	const common = `package app

import (
	"net/http"

	"example.com/m/ops"
)

type User struct{ Username string }

var _ http.ResponseWriter

func authorize(u *User, st *ops.Store, repo string) *ops.Op {
	return &ops.Op{Store: st, Principal: u.Username, Repo: repo}
}
`
	weighCases(t, deps, common, map[string]bool{
		`func Serve(h ops.Handler, w http.ResponseWriter, r *http.Request, u *User, repo string) {
	h.Handle(w, r, authorize(u, ops.Open(), repo))
}`: false,
		`func Audit(rec ops.Recorder, u *User) {
	rec.Record(authorize(u, ops.Open(), "audit"), u.Username)
}`: true,
	})
	got := weighSites(t, deps, common+`func Audit(rec ops.Recorder, u *User) {
	rec.Record(authorize(u, ops.Open(), "audit"), u.Username)
}`)
	if !strings.Contains(got, "ops.Recorder.Record") {
		t.Errorf("got sites %q, want the recorder's call", got)
	}
}
