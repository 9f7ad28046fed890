package stores

import (
	"os"

	"gorm.io/driver/mysql"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// gorm: the dialector's DSN places the database; the methods that run a
// statement (Create, First, Delete, Exec) are the sites, named for what
// they do; the methods that build it (Where, Model) are none.
func gormPostgres(u User) {
	db, _ := gorm.Open(postgres.Open("host=pg.example.kr user=app dbname=app"), &gorm.Config{})
	db.Create(&u)                                                   // want `^gorm.DB.Create to pg.example.kr stores personal data in South Korea`
	db.Where("email = ?", u.Email).First(&User{})                   // want `^gorm.DB.First to pg.example.kr reads personal data from South Korea`
	db.Where("email = ?", u.Email).Delete(&User{})                  // want `^gorm.DB.Delete to pg.example.kr deletes personal data in South Korea`
	db.Exec("UPDATE users SET name = ? WHERE id = ?", u.Name, u.ID) // want `^gorm.DB.Exec to pg.example.kr stores personal data in South Korea`
	var id int
	db.Where("email = ?", u.Email).Scan(&User{})                                  // want `^gorm.DB.Scan to pg.example.kr reads personal data from South Korea`
	db.Raw("INSERT INTO users(email) VALUES (?) RETURNING id", u.Email).Scan(&id) // want `^gorm.DB.Scan to pg.example.kr stores personal data in South Korea`
	db.Model(&product{}).Where("sku = ?", "a-1").Updates(map[string]any{"price": 3})
}

// A statement's builders run nothing (a scope's clauses); the finisher
// that runs it is the site.
func gormStatement(u User) {
	db, _ := gorm.Open(postgres.Open("host=pg.example.kr user=app dbname=app"))
	db.Statement.AddClause(u.Email)
	db.Statement.BuildCondition("email = ?", u.Email)
}

func gormConfig(u User) {
	db, _ := gorm.Open(postgres.New(postgres.Config{DSN: "postgres://app@pg.example.de/app"}))
	db.Save(&u) // want `^gorm.DB.Save to pg.example.de stores personal data in Germany`
}

// A local SQLite file is no export; the configuration may choose MySQL
// instead, whose DSN is not known here: a note.
func gormDialects(u User) {
	var d gorm.Dialector = sqlite.Open("app.db")
	if os.Getenv("DB") == "mysql" {
		d = mysql.Open(os.Getenv("MYSQL_DSN"))
	}
	db, _ := gorm.Open(d)
	db.Create(&u) // want `^gorm.DB.Create: cannot decide where it stores personal data: the DSN comes from os.Getenv\("MYSQL_DSN"\)`
}

func gormLocal(u User) {
	db, _ := gorm.Open(sqlite.Open("app.db"))
	db.Create(&u)
}

type product struct{ SKU string }
