package goevidence

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/noticevet/noticevet/internal/evidence"
	"golang.org/x/tools/go/types/typeutil"
)

// What a call on a store does with the personal data it is given decides
// how the rules weigh it: a write stores it (evidence.Store); a read or a
// delete keyed by a user ID sends the key (evidence.Read,
// evidence.Delete), which is a transfer, never storage. SQL text known
// statically decides for SQL calls; unknown SQL stays a store, as any
// call of a store client does.

// sqlNoData are the methods of database/sql's DB, Tx and Conn that send
// no data: they open a transaction or a connection, prepare a statement
// (whose values come with Stmt.Exec), check the connection, or size the
// pool of connections.
var sqlNoData = map[string]bool{
	"Begin": true, "BeginTx": true, "Prepare": true, "PrepareContext": true, "Ping": true, "PingContext": true,
	"Conn": true, "Close": true, "Raw": true, "Commit": true, "Rollback": true,
	"SetMaxIdleConns": true, "SetMaxOpenConns": true, "SetConnMaxLifetime": true, "SetConnMaxIdleTime": true,
}

// sqlKind is what an SQL statement does, by the keyword that opens it
// (the SQL standard's <direct SQL data statement>: a query opens with
// SELECT, VALUES, TABLE or WITH; a data change with INSERT, UPDATE,
// DELETE or MERGE; PostgreSQL's TRUNCATE and MySQL's REPLACE are the
// same), or "" when the text does not say: DDL, a call of a procedure, a
// WITH whose common table expressions change data themselves.
//
// Only the leading keyword of the statement, and for WITH the first
// keyword outside parentheses after its common table expressions, is
// read: nothing else of the statement's structure matters here.
//
// The text may hold holes (NUL bytes: text not known statically). A
// hole before the keyword that decides hides it, and so does one that
// opens a common table expression's body (its statement may change
// data); one elsewhere inside parentheses is a value (a placeholder
// built by a function, a condition), which says nothing of the verb.
func sqlKind(text string) evidence.Kind {
	toks := sqlWords(text)
	if len(toks) == 0 || toks[0].depth != 0 || toks[0].word == sqlHole {
		return ""
	}
	switch toks[0].word {
	case "SELECT", "VALUES", "TABLE", "SHOW":
		return evidence.Read
	case "INSERT", "UPDATE", "UPSERT", "REPLACE", "MERGE":
		return evidence.Store
	case "DELETE", "TRUNCATE":
		return evidence.Delete
	case "WITH":
		for _, t := range toks[1:] {
			if t.word == sqlHole {
				if t.depth == 0 || t.opens {
					return ""
				}
				continue
			}
			if t.depth > 0 {
				switch t.word {
				case "INSERT", "UPDATE", "DELETE", "MERGE":
					return "" // a data-modifying common table expression
				}
				continue
			}
			switch t.word {
			case "SELECT", "VALUES", "TABLE":
				return evidence.Read
			case "INSERT", "UPDATE", "MERGE":
				return evidence.Store
			case "DELETE":
				return evidence.Delete
			}
		}
	}
	return ""
}

// sqlWord is a keyword or identifier of an SQL text, upper-cased, or a
// hole (sqlHole), with the depth of parentheses it is at.
type sqlWord struct {
	word  string
	depth int
	// opens: the word, a hole, is the whole start of a common table
	// expression's body.
	opens bool
}

// sqlHole is the word of a hole: text not known statically.
const sqlHole = "\x00"

// sqlWords lists the unquoted words of an SQL text, skipping comments
// (-- and /* */), string literals ('...', E'...'), quoted identifiers
// ("...", `...`) and dollar-quoted bodies ($tag$...$tag$), and the holes
// of text not known statically (NUL bytes). It stops at the first
// statement's end (';').
func sqlWords(text string) []sqlWord {
	var out []sqlWord
	depth := 0
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ';':
			return out
		case c == 0:
			// Right after "AS (" (or "AS MATERIALIZED ("), the hole is a
			// common table expression's statement.
			opens := strings.HasSuffix(strings.TrimRight(text[:i], " \t\r\n"), "(") && len(out) > 0 &&
				(out[len(out)-1].word == "AS" || out[len(out)-1].word == "MATERIALIZED")
			out = append(out, sqlWord{word: sqlHole, depth: depth, opens: opens})
			i++
		case c == '(':
			depth++
			i++
		case c == ')':
			if depth > 0 {
				depth--
			}
			i++
		case c == '-' && strings.HasPrefix(text[i:], "--"):
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				return out
			}
			i += j + 1
		case c == '/' && strings.HasPrefix(text[i:], "/*"):
			j := strings.Index(text[i+2:], "*/")
			if j < 0 {
				return out
			}
			i += j + 4
		case c == '\'' || c == '"' || c == '`':
			j := strings.IndexByte(text[i+1:], c)
			if j < 0 {
				return out
			}
			i += j + 2
		case c == '$':
			// $1 is a placeholder; $tag$ opens a dollar-quoted body.
			j := i + 1
			for j < len(text) && isSQLWordByte(text[j]) && !(text[j] >= '0' && text[j] <= '9') {
				j++
			}
			if j < len(text) && text[j] == '$' {
				tag := text[i : j+1]
				k := strings.Index(text[j+1:], tag)
				if k < 0 {
					return out
				}
				i = j + 1 + k + len(tag)
				continue
			}
			i = j + 1
		case isSQLWordByte(c):
			j := i
			for j < len(text) && isSQLWordByte(text[j]) {
				j++
			}
			out = append(out, sqlWord{word: strings.ToUpper(text[i:j]), depth: depth})
			i = j
		default:
			i++
		}
	}
	return out
}

func isSQLWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// queryParam is the index of the parameter of an SQL method that holds
// the statement's text: a string parameter named query, sql or stmt
// (database/sql's Exec(query string, args ...any), pgx's Exec(ctx,
// sql string, ...), sqlx's Get(dest, query string, ...)). -1 when there
// is none.
func queryParam(fobj *types.Func) int {
	sig, ok := fobj.Type().(*types.Signature)
	if !ok {
		return -1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		b, ok := p.Type().Underlying().(*types.Basic)
		if !ok || b.Kind() != types.String {
			continue
		}
		switch strings.ToLower(p.Name()) {
		case "query", "sql", "stmt", "querystring", "statement":
			return i
		}
	}
	return -1
}

// queryKind is what a call of an SQL method does, decided by its query
// argument when every value it may take opens with a known keyword; ""
// otherwise.
func queryKind(q Val) evidence.Kind {
	var kind evidence.Kind
	for _, str := range q.Strs {
		k := sqlKind(flatten(str).text)
		if k == "" || kind != "" && k != kind {
			return ""
		}
		kind = k
	}
	return kind
}

// methodKind is what a call of a store client's method does by its name,
// when the method takes no SQL text: Delete..., Del and Destroy (an
// ORM's, pop's) and Remove... (minio's RemoveObject) delete; Find...,
// First, Last, Take, Count, Pluck, Scan, All, Load, Exist, Iterate, Rows
// and Sum... (an ORM's reads: gorm's, pop's, ent's, xorm's), Query,
// Select, List..., Get... (an object store's
// GetObject, a key-value store's Get, Azure's GetProperties), Head...,
// Stat... (minio's StatObject), FGetObject and Download..., One, Row and
// Column (a query builder's finishers: pocketbase/dbx's, upper/db's One), and MongoDB's
// Aggregate and Distinct (a pipeline whose $out or $merge stage writes
// is rare; it stays a read) read; Redis's
// GetSet and GetDel also write or delete, and are left to the client.
// "" leaves the kind to the client.
func methodKind(name string) evidence.Kind {
	switch {
	case strings.HasPrefix(name, "Delete") || wordPrefix(name, "Del") || wordPrefix(name, "Remove"),
		name == "Destroy":
		return evidence.Delete
	case strings.HasPrefix(name, "GetSet"), strings.HasPrefix(name, "GetDel"):
		return ""
	case strings.HasPrefix(name, "Find"), strings.HasPrefix(name, "List"), strings.HasPrefix(name, "Head"),
		strings.HasPrefix(name, "Query"), strings.HasPrefix(name, "Select"), strings.HasPrefix(name, "Count"),
		strings.HasPrefix(name, "BatchGet"), strings.HasPrefix(name, "Download"), wordPrefix(name, "Get"), wordPrefix(name, "Stat"),
		name == "First", name == "Last", name == "Take", name == "Pluck", name == "Scan", name == "Exists", name == "All", name == "Load",
		name == "Exist", name == "Iterate", name == "Rows", wordPrefix(name, "Sum"), wordPrefix(name, "Sums"),
		name == "FGetObject", name == "Aggregate", name == "Distinct", name == "One", name == "Row", name == "Column",
		redisReads[name]:
		return evidence.Read
	}
	return ""
}

// redisReads are Redis commands that only read, as go-redis names them
// (the @read commands of https://redis.io/docs/latest/commands/ that a
// name above does not already cover: SMembers, HGetAll, LRange, ...).
var redisReads = map[string]bool{
	"SMembers": true, "SIsMember": true, "SMIsMember": true, "SCard": true, "SRandMember": true,
	"HGet": true, "HGetAll": true, "HMGet": true, "HExists": true, "HKeys": true, "HVals": true, "HLen": true,
	"LRange": true, "LIndex": true, "LLen": true, "MGet": true, "Keys": true, "TTL": true, "PTTL": true,
	"ZRange": true, "ZRangeByScore": true, "ZRevRange": true, "ZRevRangeByScore": true, "ZScore": true,
	"ZCard": true, "ZCount": true, "ZRank": true, "PFCount": true, "StrLen": true,
}

// wordPrefix reports whether a method's name is word, or opens with it
// followed by another word ("DelItem", not "Delta").
func wordPrefix(name, word string) bool {
	rest, ok := strings.CutPrefix(name, word)
	return ok && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z')
}

// refineKind decides what a call of a store does: its SQL text when it
// takes one and the text is known, else its method's name. Kinds other
// than Store are left as they are.
func refineKind(kind evidence.Kind, fobj *types.Func, ins []Val, off int) evidence.Kind {
	if kind != evidence.Store {
		return kind
	}
	if i := queryParam(fobj); i >= 0 {
		if off+i < len(ins) {
			if k := queryKind(ins[off+i]); k != "" {
				return k
			}
		}
		return kind // unknown SQL: as any call of the store
	}
	if preparedStmt(fobj) {
		return kind // its text was given to Prepare: unknown here
	}
	if k := methodKind(fobj.Name()); k != "" {
		return k
	}
	if selectQuery(fobj) {
		return evidence.Read
	}
	return kind
}

// selectQuery reports whether fobj is a method of a query builder's type
// for SELECT statements (pocketbase/dbx's SelectQuery, whose Model(pk,
// &m) reads a row by its key; squirrel's SelectBuilder): what its
// finishers run is a read.
func selectQuery(fobj *types.Func) bool {
	sig, ok := fobj.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	n := namedOf(sig.Recv().Type())
	return n != nil && strings.HasPrefix(n.Obj().Name(), "Select") && !types.IsInterface(n)
}

// maxChain bounds the calls and variables builtKind follows back from a
// call: a chain of builders is a few calls long.
const maxChain = 32

// setOnce is the expression a local variable is set to by its only
// assignment (its declaration with a value), nil for a variable set more
// than once, by a range or an append, or declared outside a function.
func (s *pkgState) setOnce(id *ast.Ident) ast.Expr {
	v, ok := s.info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == s.pass.Pkg.Scope() || v.IsField() {
		return nil
	}
	as := s.assigns[v]
	if len(as) != 1 || as[0].kind != aPlain {
		return nil
	}
	return as[0].expr
}

// preparedStmt reports whether fobj is a method of a prepared statement
// (database/sql's and sqlx's Stmt, sqlx's NamedStmt). Its text was given
// when it was prepared (often read from a file of named queries at run
// time), and the method's name says only how its rows are read: an INSERT
// ... RETURNING is run by Get or QueryRow as a SELECT is.
func preparedStmt(fobj *types.Func) bool {
	sig, ok := fobj.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	switch path, name := namedPath(sig.Recv().Type()); path {
	case "database/sql":
		return name == "Stmt"
	case "github.com/jmoiron/sqlx":
		return name == "Stmt" || name == "NamedStmt"
	}
	return false
}

// statementOnly reports whether an SQL call's query argument carries no
// data of its own: every text it may hold opens with a known keyword,
// and every part not known statically stands where SQL names a table
// (after FROM, INTO, UPDATE, JOIN or TABLE), such as a table name built
// from a type's name. Its values are then the call's other arguments. A
// value spliced in elsewhere ("WHERE email = '" + email + "'") is data.
func statementOnly(q Val) bool {
	if len(q.Strs) == 0 || queryKind(q) == "" {
		return false
	}
	for _, str := range q.Strs {
		text := flatten(str).text
		for i := strings.IndexByte(text, 0); i >= 0; {
			before := strings.TrimRight(text[:i], " \t\r\n\"`[")
			j := len(before)
			for j > 0 && isSQLWordByte(before[j-1]) {
				j--
			}
			switch strings.ToUpper(before[j:]) {
			case "FROM", "INTO", "UPDATE", "JOIN", "TABLE":
			default:
				return false
			}
			k := strings.IndexByte(text[i+1:], 0)
			if k < 0 {
				break
			}
			i += k + 1
		}
	}
	return true
}

// builtKind is what a call on a query built from SQL text does, by that
// text: pop's tx.RawQuery("DELETE FROM sessions WHERE user_id = ?",
// id).Exec(), gorm's db.Raw("SELECT ...").Scan(&u), through any chain of
// builders between (.Where(...).Limit(1)), and through a local variable
// set once (stmt, err := tx.Preparex("SELECT ..."); stmt.Get(&u, id)).
// The call that takes the text is found by its query parameter
// (queryParam); "" when no call of the receiver's chain takes one, or its
// text does not say.
func (s *pkgState) builtKind(f *fn, call *ast.CallExpr) evidence.Kind {
	for e, steps := s.receiver(call), 0; e != nil && steps < maxChain; steps++ {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			e = s.setOnce(id)
			continue
		}
		inner, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return ""
		}
		fobj, _ := typeutil.Callee(s.info, inner).(*types.Func)
		if fobj == nil {
			return ""
		}
		if i := queryParam(fobj); i >= 0 {
			if i < len(inner.Args) {
				return queryKind(s.eval(f, inner.Args[i]))
			}
			return ""
		}
		e = s.receiver(inner)
	}
	return ""
}
