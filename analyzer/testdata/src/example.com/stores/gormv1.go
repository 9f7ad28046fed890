package stores

import (
	"os"

	gormv1 "github.com/jinzhu/gorm"
)

// gorm v1: Open's dialect names the database/sql driver and its first
// argument is the DSN; the methods that run a statement are the sites.
func gormV1(u User) {
	db, _ := gormv1.Open("postgres", "host=pg.example.kr user=app dbname=app")
	db.Create(&u)                                 // want `^gorm.DB.Create to pg.example.kr stores personal data in South Korea`
	db.Where("email = ?", u.Email).First(&User{}) // want `^gorm.DB.First to pg.example.kr reads personal data from South Korea`
}

// A local SQLite file is no export; a driver and DSN from the
// environment are a note naming where the DSN comes from.
func gormV1Configured(u User) {
	local, _ := gormv1.Open("sqlite3", "gophish.db")
	local.Create(&u)
	db, _ := gormv1.Open(os.Getenv("DB_DRIVER"), os.Getenv("DB_DSN"))
	db.Where("email = ?", u.Email).Delete(&User{}) // want `^gorm.DB.Delete: cannot decide where it deletes personal data: the DSN comes from os.Getenv\("DB_DSN"\)`
}
