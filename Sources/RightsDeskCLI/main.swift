print("rightsdesk: not yet")
