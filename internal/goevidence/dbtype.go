package goevidence

import (
	"go/types"
	"strings"
)

// databaseDepth is how many structs deep databaseType looks: a query
// builder holds its connection, which holds the database.
const databaseDepth = 2

// databaseType reports whether values of a type hold an SQL database: a
// field of its struct, or of a struct one of its fields holds, is a
// database/sql handle or is known to be bound to one (pop's Query holds
// its Connection, whose Store field is opened with sqlx). A method of
// such a type in a dependency writes to, reads from or deletes in that
// database, whatever interfaces of the dependency stand between.
func (s *pkgState) databaseType(t types.Type) bool {
	n := namedOf(t)
	if n == nil {
		return false
	}
	if v, ok := s.dbTypes[n.Obj()]; ok {
		return v
	}
	if s.dbTypes == nil {
		s.dbTypes = map[*types.TypeName]bool{}
	}
	v := s.holdsDatabase(n, databaseDepth, map[*types.TypeName]bool{})
	s.dbTypes[n.Obj()] = v
	return v
}

func (s *pkgState) holdsDatabase(t types.Type, depth int, seen map[*types.TypeName]bool) bool {
	n := namedOf(t)
	if n == nil || seen[n.Obj()] {
		return false
	}
	seen[n.Obj()] = true
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if sqlHandle(f.Type()) || toDatabase(s.fieldVal(f).Handles) {
			return true
		}
	}
	if depth == 0 {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if s.holdsDatabase(st.Field(i).Type(), depth-1, seen) {
			return true
		}
	}
	return false
}

// storeHandleType reports whether a type is a database's handle: one of
// database/sql's, or a client type of a store module of the SDK table
// (pgx.Tx, pgxpool.Conn).
func storeHandleType(t types.Type) bool {
	p, _ := namedPath(t)
	return sqlHandle(t) || sdkHandleType(t) && sdkStoreModule(p)
}

// sqlHandle reports whether a type is one of database/sql's handles
// (*sql.DB, *sql.Tx, *sql.Conn, *sql.Stmt).
func sqlHandle(t types.Type) bool {
	p, _ := namedPath(t)
	return p == "database/sql" && sdkHandleType(t)
}

// handleField reports whether a field's type is a client or connection of
// the standard library or an SDK (*sql.Stmt), or a struct of a dependency
// that wraps one of database/sql's handles (sqlx's Stmt and DB embed
// them): a field named for what it does (GetSubscriberByEmail), not data.
func handleField(t types.Type) bool {
	if sdkHandleType(t) {
		return true
	}
	n := namedOf(t)
	if n == nil {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if sqlHandle(st.Field(i).Type()) {
			return true
		}
	}
	return false
}

// scanMethod reports whether a method reads a stored row or record into
// the destinations it is given (rows.Scan(&id, &topic), sqlx's
// StructScan(&u), a cache result's Scan(&v)). What a destination holds
// is what the column is, which its variable or field says (&u.Email, a
// variable named email): not what the query that found the row was
// given, nor what the row's other columns are. A topic read from a row
// found by a user's e-mail address names no one.
func scanMethod(name string) bool {
	return strings.HasPrefix(name, "Scan") || strings.HasSuffix(name, "Scan")
}
