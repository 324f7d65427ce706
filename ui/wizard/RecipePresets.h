#pragma once
// The built-in recipes the wizard offers: the book's GPU schedule and a small CPU one.
#include "wizard/RecipeSpec.h"

#include <QStringList>

namespace ulmfit::ui::RecipePresets {

RecipeSpec book();  // Chapter 10 as printed: pretrained AWD-LSTM, 1+10 LM epochs, gradual unfreezing
RecipeSpec quick(); // a small from-scratch model that finishes on a laptop CPU
QStringList names(); // preset ids: "book", "quick"
RecipeSpec byName(const QString& name); // unknown names give book()

} // namespace ulmfit::ui::RecipePresets
