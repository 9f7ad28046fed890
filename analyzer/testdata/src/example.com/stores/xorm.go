package stores

import "xorm.io/xorm"

// xorm: NewEngine's driver and DSN place the database; the methods that
// run a statement (Insert, Get) are the sites, with the conditions of the
// chain before them; those that build it (Where, And) and a transaction's
// own call are none.
func xormUsers(u User) error {
	engine, err := xorm.NewEngine("mysql", "app:secret@tcp(db.example.kr:3306)/app")
	if err != nil {
		return err
	}
	if _, err := engine.Insert(&u); err != nil { // want `^xorm.Engine.Insert to db.example.kr stores personal data in South Korea`
		return err
	}
	if _, err := engine.Where("email = ?", u.Email).And("deleted = ?", false).Get(&User{}); err != nil { // want `^xorm.Session.Get to db.example.kr reads personal data from South Korea`
		return err
	}
	_, err = engine.Transaction(func(s *xorm.Session) (interface{}, error) {
		return s.Insert(&u) // want `^xorm.Session.Insert: cannot decide where it stores personal data: its database comes from parameter s of a function literal`
	})
	return err
}
