package families

import (
	"context"
	"encoding/base64"

	"cloud.google.com/go/firestore"
	"firebase.google.com/go/v4/auth"
	"google.golang.org/api/androidpublisher/v3"
	"google.golang.org/api/gmail/v1"
	"google.golang.org/api/sheets/v4"
)

// Firebase Auth: a user created with their email.
func register(ctx context.Context, c *auth.Client, u User) {
	c.CreateUser(ctx, (&auth.UserToCreate{}).Email(u.Email).DisplayName(u.Name)) // want `^auth.Client.CreateUser to identitytoolkit.googleapis.com`
}

// A lookup by email reads: no site.
func lookup(ctx context.Context, c *auth.Client, u User) {
	c.GetUserByEmail(ctx, u.Email)
}

// Firestore: a document holding the user.
func saveProfile(ctx context.Context, c *firestore.Client, u User) {
	c.Collection("users").Doc("u1").Set(ctx, map[string]string{"email": u.Email}) // want `^firestore.DocumentRef.Set to firestore.googleapis.com`
}

// A document with nothing personal, and a read, are no site.
func firestoreQuiet(ctx context.Context, c *firestore.Client) {
	c.Collection("stats").Doc("daily").Set(ctx, map[string]int{"signups": 3})
	c.Collection("users").Doc("u1").Get(ctx)
}

// Gmail: a message sent is a user's mail whatever it says.
func mailUser(ctx context.Context, u User) {
	s, _ := gmail.NewService(ctx)
	raw := base64.URLEncoding.EncodeToString([]byte("To: " + u.Email + "\r\n\r\nHello"))
	s.Users.Messages.Send("me", &gmail.Message{Raw: raw}).Do() // want `^gmail.UsersMessagesSendCall.Do to gmail.googleapis.com`
}

// Listing the mailbox reads: no site.
func inbox(ctx context.Context, u User) {
	s, _ := gmail.NewService(ctx)
	s.Users.Messages.List("me").Q("from:" + u.Email).Do()
}

// Google Play: acknowledging a purchase token is one user's purchase.
func acknowledge(ctx context.Context, token string) {
	s, _ := androidpublisher.NewService(ctx)
	s.Purchases.Subscriptions.Acknowledge("jp.example.app", "pro", token, &androidpublisher.SubscriptionPurchasesAcknowledgeRequest{}).Do() // want `^androidpublisher.PurchasesSubscriptionsAcknowledgeCall.Do to androidpublisher.googleapis.com`
}

// Reading the purchase is no site.
func checkPurchase(ctx context.Context, token string) {
	s, _ := androidpublisher.NewService(ctx)
	s.Purchases.Subscriptions.Get("jp.example.app", "pro", token).Do()
}

// Sheets: a row holding the user's email is stored.
func logSignup(ctx context.Context, u User) {
	s, _ := sheets.NewService(ctx)
	s.Spreadsheets.Values.Append("sheet1", "A1", &sheets.ValueRange{Values: [][]interface{}{{u.Email, u.Name}}}).ValueInputOption("RAW").Do() // want `^sheets.SpreadsheetsValuesAppendCall.Do to sheets.googleapis.com`
}

// A row of counts, and a read, are no site.
func sheetsQuiet(ctx context.Context) {
	s, _ := sheets.NewService(ctx)
	s.Spreadsheets.Values.Append("sheet1", "A1", &sheets.ValueRange{Values: [][]interface{}{{"signups", 3}}}).Do()
	s.Spreadsheets.Values.Get("sheet1", "A1:B9").Do()
}
