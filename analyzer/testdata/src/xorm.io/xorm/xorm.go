// Package xorm is a stub of xorm.io/xorm.
package xorm

type Engine struct{ driver, dsn string }

type Session struct{ engine *Engine }

func NewEngine(driverName string, dataSourceName string) (*Engine, error) {
	return &Engine{driver: driverName, dsn: dataSourceName}, nil
}

func (engine *Engine) Where(query interface{}, args ...interface{}) *Session {
	return &Session{engine: engine}
}

func (engine *Engine) Insert(beans ...interface{}) (int64, error) { return 0, nil }

func (engine *Engine) Transaction(f func(*Session) (interface{}, error)) (interface{}, error) {
	return f(&Session{engine: engine})
}

func (session *Session) And(query interface{}, args ...interface{}) *Session { return session }

func (session *Session) Get(beans ...interface{}) (bool, error) { return false, nil }

func (session *Session) Insert(beans ...interface{}) (int64, error) { return 0, nil }
