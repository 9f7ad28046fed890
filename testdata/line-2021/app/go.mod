module example.com/messenger/app

go 1.26
