# cf push runs against GOV.UK PaaS London (cf api https://api.london.cloud.service.gov.uk).
deploy "manifest.yml" {
  region = "api.london.cloud.service.gov.uk"
}
