package goevidence

import (
	"go/ast"
	"go/types"
	"testing"
)

// A database handle read from a struct is the connection, not the data
// the struct holds beside it: r.db carries nothing of the receiver (a
// repository whose cache its callers fill with e-mail addresses counts
// rows without sending any), while r.cache is still the receiver's.
func TestDatabaseFieldCarriesNoData(t *testing.T) {
	s := analyzeOK(t, `package p

import "database/sql"

type Repo struct {
	db    *sql.DB
	cache map[string]string
}

func (r *Repo) Use() (*sql.DB, map[string]string) { return r.db, r.cache }
`)
	f := s.fns[s.pass.Pkg.Scope().Lookup("Repo").Type().(*types.Named).Method(0)]
	ret := f.returns[0]
	for i, wantParams := range []bool{false, true} {
		v := s.eval(f, ret.Results[i].(ast.Expr))
		if got := v.Params != 0; got != wantParams {
			t.Errorf("%s: from the receiver = %v, want %v (%v)", types.ExprString(ret.Results[i]), got, wantParams, v)
		}
	}
}

// A client of a store module of the table (gorm's *gorm.DB) is a store's
// handle wherever it comes from (a parameter: what its callers give is
// not known), so a call that reaches it stores; a vendor's API client
// (Stripe's) stays a send.
func TestStoreModuleHandleKind(t *testing.T) {
	p := moduleProgram(t, map[string]string{
		"gorm.io/gorm": "package gorm\n\ntype DB struct{ Error error }\n",
		"github.com/stripe/stripe-go/v76/customer": "package customer\n\ntype Client struct{ Key string }\n",
	}, `package app

import (
	"github.com/stripe/stripe-go/v76/customer"
	"gorm.io/gorm"
)

var (
	DB       *gorm.DB
	Customer *customer.Client
)
`)
	scope := p.state["example.com/m/app"].pass.Pkg.Scope()
	for name, want := range map[string]string{"DB": hSaaSStore, "Customer": hSaaS} {
		if got := handleKindOf(scope.Lookup(name).Type()); got != want {
			t.Errorf("handleKindOf(%s) = %q, want %q", scope.Lookup(name).Type(), got, want)
		}
	}
}
