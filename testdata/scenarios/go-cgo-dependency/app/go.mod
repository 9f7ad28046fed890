module example.com/app

go 1.22

require example.com/csql v0.0.0

replace example.com/csql => ../testdata/csql
