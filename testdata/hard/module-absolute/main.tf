module "shared" {
  source = "/etc"
}
